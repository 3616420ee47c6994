// a module in a subdirectory
function tool() {
    return "tool";
}
