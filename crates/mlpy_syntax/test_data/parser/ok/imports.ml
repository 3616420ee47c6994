// Imports (spec §6.13); `as` is a contextual keyword.
import math;
import a.b.c;
import a.b as c;
import json as j;
