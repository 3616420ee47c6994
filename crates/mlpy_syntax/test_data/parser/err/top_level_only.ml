function f() {
    import math;
    capability C {
        allow read;
    }
}
if (x) {
    import json as j;
}
