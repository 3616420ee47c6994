// §11.9 §15 getattr with double-underscore names reaches nothing: no such members exist on any kind
// stdout: null null null null null
// stdout: false false
import math;
print(getattr("abc", "__class__"), getattr({}, "__proto__"), getattr(print, "__globals__"), getattr(math, "__dict__"), getattr([], "__len__"));
print(hasattr({}, "__class__"), hasattr(math, "__loader__"));
