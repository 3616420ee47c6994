// §12.10 control: reads inside the grant work (through a relative, a `./` and an absolute path)
// args: --allow-read=granted
// stdout: granted data
// stdout: ["granted data"]
// stdout: 13
// stdout: true false
// stdout: inner
import file;
import path;
print(file.read("granted/data.txt").strip());
print(file.readLines("./granted/data.txt"));
print(len(file.readBytes(path.cwd() + "/granted/data.txt")));
print(file.isFile("granted/data.txt"), file.isFile("granted/sub"));
print(file.read("granted/sub/../sub/inner.txt").strip());
