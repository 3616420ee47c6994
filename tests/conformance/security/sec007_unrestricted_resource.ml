// §15 SEC007 unrestricted-capability: `resource "*"` in a capability declaration
capability Everything {
    resource "*";
    allow read;
}
print("never");
// expect-static: SEC007@3
