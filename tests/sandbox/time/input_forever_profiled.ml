// §1.4 input() blocked under --timeout with --profile-output: the limit's status, and the profile is still written
// args: --timeout 1 --profile --profile-output prof.json --profile-format json
// stdin: open
// exit: 75
// must-exist: prof.json
// writable: prof.json
function wait() { return input("> "); }
wait();
print("never");
