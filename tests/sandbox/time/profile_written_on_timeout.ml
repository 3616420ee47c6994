// §1.4 a long native call interrupted by --timeout still gets its requested profile written
// args: --timeout 1 --max-memory 256M --profile --profile-output prof.json --profile-format json
// exit: 75
// must-exist: prof.json
// writable: prof.json
import math;
function work() { return math.factorial(10000000); }
work();
