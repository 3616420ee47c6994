// §13.2 a module that is not found is a static ImportError (the help suggests the nearest name: math, helper)
import maths;
import helpr;
print("never");
// expect-static: ImportError@2
// expect-static: ImportError@3
