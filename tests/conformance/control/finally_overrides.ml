// §6.11 return, break, continue or an error in finally replaces the pending return, jump or error
function ret_over_ret() {
    try {
        return "try";
    } finally {
        return "finally";
    }
}
print(ret_over_ret()); // expect: finally
function ret_over_error() {
    try {
        x = 1 / 0;
    } finally {
        return "swallowed";
    }
}
print(ret_over_error()); // expect: swallowed
count = 0;
for (i in [1, 2, 3]) {
    try {
        throw {message: "boom"};
    } finally {
        count = count + 1;
        continue;
    }
}
print(count); // expect: 3
while (true) {
    try {
        x = [][1];
    } finally {
        break;
    }
}
print("after break"); // expect: after break
try {
    try {
        x = 1 / 0;
    } finally {
        y = {}["missing"];
    }
} except (e) {
    print(e.type);
}
// expect: KeyError
function error_over_return() {
    try {
        return 1;
    } finally {
        z = null + 1;
    }
}
try {
    error_over_return();
} except (e) {
    print(e.type);
}
// expect: TypeError
