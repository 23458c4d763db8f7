# The whole set-up is `make demo` and `make test`; every target installs what it needs first.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Tools are set up by the recipes that need them, never while the Makefile is read, so `make help`
# fetches and builds nothing. scripts/toolchain.sh prints the PATH: Node >= 22 and
# node_modules/.bin, plus (without --no-pulumi) the Pulumi CLI, its Node.js and YAML language hosts
# and the dynamic-provider launcher. A plain assignment, unlike `export`, fails the recipe if it fails.
WITH_NODE = PATH="$$(bash scripts/toolchain.sh --no-pulumi)"; export PATH;
export npm_config_fund := false
export npm_config_audit := false
export npm_config_update_notifier := false

.PHONY: help setup build typecheck lint format test test-unit test-integration test-e2e bench schema schema-check demo emulator pulumi python sdks plugins clean

help:
	@echo "make demo   - start the emulator, pulumi up an example stack, show the records, preview again"
	@echo "make test   - lint (Biome, knip), unit, emulator integration and real-engine e2e tests"
	@echo "make format - format the tree and apply safe lint fixes"
	@echo "make bench  - one-run benchmark (real CLI, emulators): API calls, state size, wall time, RSS; table in .tools/bench.md"
	@echo "make schema - regenerate schema.json, schemas/<pkg>/schema.json and the README resource reference"
	@echo "make plugins - the native provider plugins in .tools/plugins/, one archive per platform, named as the engine downloads them (PLUGIN_DOWNLOAD_URL=… for your own release page)"
	@echo "make sdks   - generate the Node.js and Python SDKs of the wedos and dnspod packages into sdks/ (generator built once from Go modules; PLUGIN_DOWNLOAD_URL=… as for plugins)"
	@echo "make emulator - run both fake APIs in the foreground"
	@echo "make pulumi - which Pulumi CLI and language hosts (Node.js, YAML, Python) the tests use (built once from Go modules if not on PATH)"
	@echo "make python - the Python language host and a venv with pulumi from PyPI (built once into ~/.cache; make test runs it)"

# `npm ci` installs exactly what package-lock.json records (every platform's optional packages are in
# it, so a clean clone installs on any machine) and fails when the lock file and package.json disagree.
node_modules/.stamp: package.json package-lock.json
	$(WITH_NODE) npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: node_modules/.stamp

dist/.stamp: node_modules/.stamp tsconfig.json tsconfig.build.json $(shell find provider sdk emulator -name '*.ts' 2>/dev/null)
	rm -rf dist
	$(WITH_NODE) tsc -p tsconfig.build.json
	chmod +x dist/emulator/cli.js dist/provider/export/cli.js
	touch $@

build: dist/.stamp

typecheck: setup
	$(WITH_NODE) tsc -p tsconfig.json --noEmit

# Biome (formatter and linter in one fast binary, one config) and knip (unused files, exports and
# dependencies); `make format` rewrites what the formatter and the safe lint fixes can.
lint: setup
	$(WITH_NODE) npm run --silent lint

format: setup
	$(WITH_NODE) npm run --silent format

# The Pulumi CLI and the language hosts: from PATH, else built once from Go modules into ~/.cache;
# says which.
pulumi: setup
	@bash scripts/toolchain.sh --describe

# The Python language host and the venv the Python e2e test runs in: built once into the cache
# (scripts/ensure-python-host.sh, scripts/ensure-python-pulumi.sh); `make pulumi` then lists the host.
python:
	@bash scripts/ensure-python-host.sh >/dev/null
	@bash scripts/ensure-python-pulumi.sh >/dev/null

# Every test target typechecks first (ts-jest only transpiles). The e2e harness and the bench take
# the Pulumi CLI from scripts/toolchain.sh themselves; `pulumi` only builds it before jest starts.
test: build typecheck lint python pulumi
	$(WITH_NODE) jest --ci --selectProjects unit integration e2e

test-unit: build typecheck
	$(WITH_NODE) jest --ci --selectProjects unit

test-integration: build typecheck
	$(WITH_NODE) jest --ci --selectProjects integration

test-e2e: build typecheck python pulumi
	$(WITH_NODE) jest --ci --selectProjects e2e

bench: build pulumi
	$(WITH_NODE) jest --ci --selectProjects bench --runInBand

schema: build
	$(WITH_NODE) node dist/provider/schema/cli.js $(CURDIR)

# Self-contained tarballs of pulumi-resource-wedos and pulumi-resource-dnspod (esbuild bundles).
# PLUGIN_DOWNLOAD_URL (default: the package schemas' pluginDownloadURL) is where the engine will look
# for them: the URL of the release page the archives are uploaded to, `${VERSION}` filled in by the
# engine. $(value …) keeps make from expanding that `${VERSION}` itself.
PLUGIN_DOWNLOAD_URL ?=
plugins: setup
	$(WITH_NODE) PLUGIN_DOWNLOAD_URL='$(value PLUGIN_DOWNLOAD_URL)' bash scripts/build-plugins.sh

# The native plugins' package schemas (make schema writes them) are what the SDKs are generated from.
# sdks/<package>/{nodejs,python}/ is replaced on every run and not committed.
PACKAGE_SCHEMAS ?= schemas/wedos/schema.json schemas/dnspod/schema.json
SDKS_DIR ?= sdks
sdks:
	for s in $(PACKAGE_SCHEMAS); do \
	  bash scripts/sdkgen.sh -schema "$$s" -out "$(SDKS_DIR)/{name}" -plugin-download-url '$(value PLUGIN_DOWNLOAD_URL)'; \
	done

demo: build pulumi
	bash scripts/demo.sh

emulator: build
	$(WITH_NODE) node dist/emulator/cli.js

clean:
	rm -rf dist node_modules/.stamp sdks
