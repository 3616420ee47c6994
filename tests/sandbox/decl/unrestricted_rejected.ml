// §15 SEC007: an unrestricted `allow system` or `allow execute` is rejected before the run
// exit: 65
// stderr: SEC007
capability Everything {
    allow system;
    allow execute "*";
}
print("never");
