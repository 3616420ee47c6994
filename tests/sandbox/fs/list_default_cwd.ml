// §12.11 `listDir()` lists the working directory, which the grant does not cover
// args: --allow-read=granted
// expect-error: CapabilityError
import path;
print(path.listDir());
