// §14.1 appending outside the grant (file.append): denied, the file unchanged
// args: --allow-write=granted
// stdout: CapabilityError
// stdout: CapabilityError
import file;
try { file.append("outside/keep.txt", "appended"); } except (e) { print(e.type); }
try { file.writeLines("outside/keep.txt", ["a", "b"]); } except (e) { print(e.type); }
