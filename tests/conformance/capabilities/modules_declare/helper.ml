// A module of modules_declare: its declarations join the program's manifest.
capability Helper {
    allow read "helper-data/*.csv";
    allow network "localhost:8080";
}
function ready() {
    return hasCapability("network.http");
}
