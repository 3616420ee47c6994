// args: --allow-read=granted --allow-write=granted
import file;
import path;
try { path.removeDirRecursive("granted/victimlink"); } except (e) { print(e.type); }
try { file.delete("granted/escape/keep.txt"); } except (e) { print(e.type); }
try { file.delete("granted/escape_file"); } except (e) { print(e.type); }
try { path.removeDir("granted/sub"); } except (e) { print(e.type); }
try { path.createDir("granted/escape/made"); } except (e) { print(e.type); }
