// After an identifier, `//` is floor division, so the "comment" is code.
import math // the math module
;
x = 5 // note
