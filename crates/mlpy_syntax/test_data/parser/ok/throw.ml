// `throw` takes an object literal (spec §6.10).
throw {message: "x"};
throw {message: "x", code: 3};
throw {type: "Timeout", message: "slow"};
throw {};
