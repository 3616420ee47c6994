// §14.5 file.read reached through a variable, call, an object, an array, a callback, compose and memoize: all checked
// args: --allow-read=granted
// stdout: 8 denied
import file;
import collections;
import functional;
r = file.read;
holder = {f: file.read};
arr = [file.read];
attempts = [
    fn() => r("outside/secret.txt"),
    fn() => call(file.read, "outside/secret.txt"),
    fn() => holder.f("outside/secret.txt"),
    fn() => call(arr[0], "outside/secret.txt"),
    fn() => collections.map(["outside/secret.txt"], file.read),
    fn() => call(functional.compose(file.read), "outside/secret.txt"),
    fn() => call(functional.memoize(file.read), "outside/secret.txt"),
    fn() => collections.sortBy(["outside/secret.txt"], file.read)
];
denied = 0;
for (a in attempts) {
    try { print(a()); } except (e) { if (e.type == "CapabilityError") { denied = denied + 1; } }
}
print(denied, "denied");
