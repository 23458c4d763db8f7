# The whole set-up is `make demo` and `make test`; every target installs what it needs first.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Node >= 22 first on PATH (fetched once from the npm registry into ~/.cache when the system's is older).
NODE_DIR := $(shell bash scripts/ensure-node.sh)
ifeq ($(NODE_DIR),)
$(error scripts/ensure-node.sh could not provide Node.js >= 22)
endif
export PATH := $(NODE_DIR):$(CURDIR)/node_modules/.bin:$(PATH)
export npm_config_fund := false
export npm_config_audit := false
export npm_config_update_notifier := false

.PHONY: help setup build typecheck test test-unit test-integration test-e2e bench schema schema-check demo emulator pulumi clean

help:
	@echo "make demo   - start the emulator, pulumi up an example stack, show the records, preview again"
	@echo "make test   - unit, emulator integration and real-engine e2e tests"
	@echo "make bench  - one-run benchmark (real CLI, emulators): API calls, state size, wall time, RSS; table in .tools/bench.md"
	@echo "make schema - regenerate schema.json and the README resource reference"
	@echo "make emulator - run both fake APIs in the foreground"

# `npm install --no-save` installs exactly the locked versions; `npm ci` is not used because npm 11
# rejects its own lock file when optional per-platform packages (unrs-resolver's) are absent from it.
node_modules/.stamp: package.json package-lock.json
	npm install --no-save --no-audit --no-fund --loglevel=error
	touch $@

setup: node_modules/.stamp

dist/.stamp: node_modules/.stamp tsconfig.json tsconfig.build.json $(shell find provider sdk emulator -name '*.ts' 2>/dev/null)
	rm -rf dist
	tsc -p tsconfig.build.json
	chmod +x dist/emulator/cli.js dist/provider/export/cli.js
	touch $@

build: dist/.stamp

typecheck: setup
	tsc -p tsconfig.json --noEmit

# The Pulumi CLI: `pulumi` from PATH, else built once from Go modules into ~/.cache.
pulumi: setup
	@bash scripts/ensure-pulumi.sh >/dev/null

test: build typecheck pulumi
	jest --ci --selectProjects unit integration e2e

test-unit: build
	jest --ci --selectProjects unit

test-integration: build
	jest --ci --selectProjects integration

test-e2e: build
	jest --ci --selectProjects e2e

bench: build pulumi
	jest --ci --selectProjects bench --runInBand

schema: build
	node dist/provider/schema/cli.js $(CURDIR)

demo: build
	bash scripts/demo.sh

emulator: build
	node dist/emulator/cli.js

clean:
	rm -rf dist node_modules/.stamp
