// Capability declarations (spec §14.3); the item words are contextual keywords.
capability DataAccess {
    resource "data/*.json";
    allow read;                      // file.read for data/*.json
    allow write "out/report.txt";    // file.write, file.append, file.delete for that path
    allow network "api.example.com"; // network.http and network.https for that host
    allow system "HOME";             // env.read and env.write for HOME
    allow execute;
}
capability Empty {
}
