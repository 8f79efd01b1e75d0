#include "app/cli.hpp"
#include "app/logging.hpp"

int main(int argc, char** argv) {
  const int code = vka::app::run_cli(argc, argv);
  vka::app::flush_logs();
  return code;
}
