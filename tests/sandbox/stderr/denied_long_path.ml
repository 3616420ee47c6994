// §14.5 a CapabilityError names the resolved path: a 1 MB path (granted nothing) keeps the report short
// args: --max-memory 256M --timeout 10
// exit: 1
// expect-error: CapabilityError
import file;
x = file.write("é" * 1000000, "x");
