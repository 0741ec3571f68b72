// avedi: the operator's command (inspect files; later status, orders, retry, resend, doctor).
#include "runner/operator_cli.h"

int main(int argc, char** argv) { return runner::run_operator_cli(argc, argv); }
