#include "cli/app.h"

int main(int argc, char** argv) { return foyer::cli::Run(argc, argv); }
