# The developer's entry points. `make run` and `make test` each do all the set-up on a fresh
# Debian machine (scripts/bootstrap installs what is missing).
BUILD_DIR := build
TEST_DIR := build-test
JOBS ?= $(shell nproc)

.PHONY: all bootstrap build run test bench clean format

all: build

bootstrap:
	@scripts/bootstrap

# The optimised server binary at build/sala.
build: bootstrap
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DSALA_BUILD_TESTS=OFF -DSALA_BUILD_BENCH=ON >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/sala serve --demo --data-dir ./data

# Every test label, built with AddressSanitizer and UndefinedBehaviorSanitizer.
test: bootstrap
	@cmake -S . -B $(TEST_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSALA_SANITIZE=ON >/dev/null
	@cmake --build $(TEST_DIR) -j $(JOBS)
	@scripts/run-tests $(TEST_DIR)

bench: build
	@bench/run $(BUILD_DIR)

format:
	@clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp')

clean:
	rm -rf $(BUILD_DIR) $(TEST_DIR)
