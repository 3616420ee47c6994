//! Values, the compiler, bytecode, the VM and the builtins.
