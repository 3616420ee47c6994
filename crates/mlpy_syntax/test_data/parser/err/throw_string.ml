throw "x";
throw new Error("x");
throw;
