if (x) {
};
function f() {
};
x = 1;;
;
