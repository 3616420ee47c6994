capability C {
    allow fly;
    resource 5;
    deny read;
    allow read "x" "y";
    allow write;
}
capability {
}
