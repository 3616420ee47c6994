// §15 SEC005: importing os, subprocess, importlib, ctypes… is rejected statically
// exit: 65
// stderr: SEC005
print("never");
import importlib.util;
import ctypes as c;
