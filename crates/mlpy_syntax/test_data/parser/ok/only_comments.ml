// Nothing but comments.
// Ünïcödé is fine in comments: 日本語 ✓
