# The two commands of a fresh machine: `make report` and `make test`.
CARGO ?= cargo
BIN := target/release/enforcement-report
FIXTURE := fixtures/aral-emergency-2024.yaml

.PHONY: report test golden bench check-toolchain

check-toolchain:
	@command -v $(CARGO) >/dev/null || { echo "cargo not found: install Rust from https://rustup.rs and run this again" >&2; exit 1; }

## Build in release mode and render the bundled fixture into output/.
report: check-toolchain
	$(CARGO) build --release --locked
	$(BIN) check $(FIXTURE)
	$(BIN) render $(FIXTURE) -o output --fonts bundled

## Run every test: unit, doc, read-back and golden-file tests. The readers
## the tests read the files back with are installed first.
test: check-toolchain
	scripts/test-tools.sh
	$(CARGO) test --workspace --locked

## Re-bless the golden files on purpose (say why in the commit message).
golden: check-toolchain
	BLESS=1 $(CARGO) test --locked -p enforcement-report --test all golden::

## Whole-process timings and peak memory (release build): see README.
bench: check-toolchain
	$(CARGO) build --release --locked
	$(CARGO) run --release --locked --example bench
