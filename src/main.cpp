#include "app/cli.hpp"

int main(int argc, char** argv) { return vka::app::run_cli(argc, argv); }
