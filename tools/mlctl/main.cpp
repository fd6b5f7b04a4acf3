#include <iostream>
#include <string>
#include <vector>

#include "ml/mlctl/commands.hpp"

int main(int argc, char** argv) {
  return ml::mlctl::run(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
