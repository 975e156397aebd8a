// A shared object that is not an at1 plugin: it has no entry symbol.
extern "C" __attribute__((visibility("default"))) int not_an_at1_plugin(void) { return 42; }
