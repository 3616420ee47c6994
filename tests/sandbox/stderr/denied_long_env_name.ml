// §14.5 a CapabilityError names the variable: a 10 MB name keeps the report short
// args: --max-memory 256M --timeout 10
// exit: 1
// expect-error: CapabilityError
import env;
x = env.get("Z" * 10000000);
