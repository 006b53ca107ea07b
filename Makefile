# zero-to-running: one command from clone to a running, seeded, healthy stack.
# `make` (or `make help`) lists the targets. Shell logic lives in scripts/*.sh.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

COMPOSE ?= docker compose
export COMPOSE

# SVC=<service> narrows logs/restart/shell to one service (db, redis, migrate, api, worker, web).
SVC ?=
# N=<count> for scale-worker.
N ?=
# K8S=1 sends dev, down, logs, status, restart, port-forward, reset-db, scale-worker, workers, psql,
# redis-cli and shell to the Kubernetes targets of mk/k8s.mk.
K8S ?=
k8s = $(filter 1 true yes,$(K8S))
# PROFILE=deps|backend|frontend makes `make dev` start part of the stack; a Compose profile's name
# (e.g. observability) adds its services; several join with commas (x-partial-stacks, compose.override.yaml).
PROFILE ?=
# Compose with every profile on: down, logs and shell reach whatever runs, whichever profile started it.
compose-all = COMPOSE_PROFILES='*' $(COMPOSE)
# OPEN=1 / OPEN=0: open the dashboard at the end of make dev, or not (default: on a desktop session).
# The test targets never open one.
e2e chaos bench: export OPEN = 0

# The one-shot `migrate` service runs the API image's database commands.
DB_COMMAND = $(COMPOSE) run --rm --no-TTY migrate db

.PHONY: help dev run-api down clean status logs restart port-forward scale-worker workers reset-db seed psql redis-cli shell \
        watch build preflight test e2e chaos bench fmt lint hooks

##@ Stack
dev: ## Start everything: preflight, build, up --wait, summary (PROFILE=deps|backend|frontend|<Compose profile>; K8S=1: Kubernetes)
	@$(if $(and $(k8s),$(PROFILE)),$(error PROFILE= is for the Compose stack (K8S=1 runs the whole stack). Fix: make dev K8S=1 without PROFILE=))
	@$(if $(k8s),$(MAKE) k8s-up,PROFILE="$(PROFILE)" scripts/dev.sh)

run-api: ## The API on this machine's JVM against make dev PROFILE=deps (what an IDE runs)
	@scripts/run-api.sh

# `rm --volumes` drops the containers' anonymous volumes (redis's /data) that `down` would leave
# dangling; the named database volume stays.
down: ## Stop and remove the containers; keeps the data (K8S=1: Kubernetes)
	@$(if $(k8s),$(MAKE) k8s-down,$(compose-all) rm --stop --force --volumes && $(compose-all) down --remove-orphans)

clean: ## Remove containers, volumes (all data) and the project's images
	@scripts/clean.sh

status: ## Each service: state, health, time to healthy, URL (K8S=1: Kubernetes)
	@$(if $(k8s),$(MAKE) k8s-status,scripts/stack.sh status)

logs: ## Follow the logs of every service, or of SVC=<name>, e.g. SVC=worker (K8S=1: Kubernetes)
	@$(if $(k8s),$(MAKE) k8s-logs,$(compose-all) logs --follow --tail 100 $(SVC))

restart: ## Restart every service, or SVC=<name>, and wait until healthy (K8S=1: Kubernetes)
	@$(if $(k8s),$(MAKE) k8s-restart,scripts/restart.sh $(SVC))

port-forward: ## K8S=1: publish API, admin, PostgreSQL, Redis on 127.0.0.1 at Compose's ports
	@$(if $(k8s),$(MAKE) k8s-port-forward,$(error make port-forward is for Kubernetes (Compose publishes the ports itself). Fix: make port-forward K8S=1))

##@ Rollout worker
scale-worker: ## Run N=<count> workers, then show which worker took which rollouts (K8S=1: Kubernetes)
	@$(if $(k8s),$(MAKE) k8s-scale-worker,scripts/scale-worker.sh "$(N)")

workers: ## The workers and how the last hour's rollouts spread over them (K8S=1: Kubernetes)
	@$(if $(k8s),$(MAKE) k8s-workers,scripts/workers.sh)

##@ Database
reset-db: ## Drop everything, migrate, seed, flush the cache (works while up; K8S=1)
	@$(if $(k8s),$(MAKE) k8s-reset-db,$(DB_COMMAND) reset /app/config/config.yml)

seed: ## Load the seed data (reference data; sample deployments only into an empty table)
	@$(DB_COMMAND) seed /app/config/config.yml

psql: ## Open psql on the database (K8S=1: Kubernetes)
	@$(if $(k8s),$(MAKE) k8s-psql,$(COMPOSE) exec db sh -c 'exec psql -U "$$POSTGRES_USER" "$$POSTGRES_DB"')

redis-cli: ## Open redis-cli on the cache (K8S=1: Kubernetes)
	@$(if $(k8s),$(MAKE) k8s-redis-cli,$(COMPOSE) exec redis redis-cli)

##@ Development
shell: ## Open a shell in SVC=<name> (e.g. make shell SVC=api; K8S=1: Kubernetes)
	@$(if $(SVC),,$(error usage: make shell SVC=<db|redis|api|worker|web>))
	@$(if $(k8s),$(MAKE) k8s-shell,$(compose-all) exec $(SVC) sh -c 'command -v bash >/dev/null && exec bash || exec sh')

watch: ## On every save under api/src/main: compile, restart api and worker (make dev's fast path)
	@scripts/watch.sh

build: ## Build the images that changed: API (Jib), web (FORCE=1: rebuild the API)
	@scripts/build.sh

preflight: ## Check Docker, Compose, JDK, ports and disk without starting anything
	@scripts/preflight.sh

test: ## Unit and integration tests (no Docker): API, tools, web, k8s manifests, lint
	@scripts/test.sh

e2e: ## The real stack end to end on non-default ports (ends with make clean)
	@scripts/suite.sh e2e

chaos: ## Fault, bad-input and security tests on the real stack (own project, ports 231xx; ends with make clean)
	@scripts/suite.sh chaos

bench: ## Measure make dev cold/warm/after an edit, make k8s, API throughput (build/bench/results.md)
	@scripts/bench/run.sh

##@ Code quality
fmt: ## Format Java (google-java-format) and web files (Prettier, ESLint fixes) in place
	@scripts/fmt.sh

lint: ## Check formatting and run the linters: Spotless, ESLint, Prettier, tsc, shellcheck, yamllint
	@scripts/lint.sh

hooks: ## Install the git pre-commit hook (.githooks/pre-commit: fast checks on staged files)
	@git config core.hooksPath .githooks
	@echo "pre-commit hook installed (.githooks/pre-commit); skip it once with git commit --no-verify"

##@ Help
help: ## Show this help
	@awk 'BEGIN { FS = ":.*## " } \
	  /^##@/ { printf "\n\033[1m%s\033[0m\n", substr($$0, 5); next } \
	  /^[a-zA-Z0-9_.-]+:.*## / { printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2 }' $(MAKEFILE_LIST)
	@printf '\nUsage: make <target> [SVC=<db|redis|migrate|api|worker|web>] [K8S=1]   Settings: .env (from .env.example)\n'

# Kubernetes targets (k8s, k8s-up, k8s-down, ...), maintained with the manifest generator.
include mk/k8s.mk
