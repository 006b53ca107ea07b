# Kubernetes: the manifests generated from compose.yaml by tools/ (k8s-gen) and the kind path behind
# `make dev K8S=1`. Included by the main Makefile; works alone too: `make -f mk/k8s.mk k8s-check`.
# Orchestration lives in scripts/k8s/ (up.sh, tools.sh); decisions in the generator (tools/.../k8s/local).

# The compose file(s) to convert and where the kustomize base goes (committed). Not COMPOSE_FILE:
# Docker Compose reads that name, and make dev must keep compose.override.yaml.
K8S_COMPOSE_FILES ?= compose.yaml
K8S_DIR ?= k8s-generated
# Interpolation values. For our compose.yaml: .env.example only, so the committed output is the same
# on every machine whatever a developer's .env says (secret values come from .env at apply time).
# For any other compose file: what Compose reads, the .env beside the (first) file, or none.
k8s-first-compose-file = $(firstword $(subst :, ,$(K8S_COMPOSE_FILES)))
K8S_ENV_FILE ?= $(if $(filter compose.yaml ./compose.yaml,$(k8s-first-compose-file)),.env.example,$(wildcard $(dir $(k8s-first-compose-file)).env))
# The generator: a self-contained jar rebuilt when tools/ changes. Tests point K8S_GEN elsewhere and
# clear K8S_GEN_DEPS.
K8S_JAR ?= tools/target/k8s-gen.jar
# A run is short: class-data sharing (an archive of the classes a training run loaded, written
# beside the jar when it is built) and C1 alone (C2 never pays back) halve it; a 57-service file
# converts in about 1.1 s instead of 2.2 s (make bench). A missing or foreign archive is ignored;
# the JVM's warning about it goes to stderr (JVM_LOG), never into the output that scripts read.
K8S_CDS = $(K8S_JAR:.jar=.jsa)
# java and Maven: this machine's JDK, else MAVEN_IMAGE's (scripts/java.sh, scripts/mvn.sh; README
# "No JDK").
K8S_JAVA = scripts/java.sh
JVM_LOG = -Xlog:disable -Xlog:all=warning:stderr
K8S_GEN ?= $(K8S_JAVA) -XX:TieredStopAtLevel=1 $(JVM_LOG) -XX:SharedArchiveFile=$(K8S_CDS) -jar $(K8S_JAR)
K8S_GEN_DEPS ?= $(K8S_CDS)
MVNW ?= scripts/mvn.sh
# What `make dev K8S=1` runs to build the images before loading them into kind.
K8S_BUILD_CMD ?= scripts/build.sh
# The locally built images to load into the kind node (no registry is involved).
API_IMAGE ?= zero-to-running/api:dev
WEB_IMAGE ?= zero-to-running/web:dev
# How long each rollout may take before the failing pod's events and logs are shown.
K8S_TIMEOUT ?= 300s
# make k8s-scale-worker N=3: the Deployment it scales.
K8S_WORKER ?= worker
# make k8s-reset-db: the service whose pod spec runs the command (as `docker compose run` would).
K8S_RESET_DB_SERVICE ?= migrate
K8S_RESET_DB_COMMAND ?= db reset /app/config/config.yml

export K8S_COMPOSE_FILES K8S_DIR K8S_ENV_FILE K8S_GEN K8S_BUILD_CMD API_IMAGE WEB_IMAGE K8S_TIMEOUT
# K8S_CLUSTER=kind (default) or current (the current kubectl context); K8S_LOAD_CMD: how images
# reach its nodes (default: kind load docker-image for kind, nothing for current). See README.

# K8S_COMPOSE_FILES may list several files ("compose.yaml:compose.override.yaml"): the generator merges
# them as Compose does. COMPOSE_PROFILES (or COMPOSE_PROFILES in the env file) turns profiles on.
K8S_GEN_ARGS = --compose-file $(K8S_COMPOSE_FILES) $(if $(K8S_ENV_FILE),--env-file $(K8S_ENV_FILE),--no-env-file) \
  $(if $(COMPOSE_PROFILES),--profile $(COMPOSE_PROFILES)) --out $(K8S_DIR)

.PHONY: k8s k8s-check k8s-up k8s-down k8s-clean k8s-logs k8s-status k8s-reset-db k8s-compare \
        k8s-scale-worker k8s-workers k8s-port-forward k8s-psql k8s-redis-cli k8s-shell k8s-restart

##@ Kubernetes
k8s: $(K8S_GEN_DEPS) ## Regenerate k8s-generated/ from compose.yaml (K8S_COMPOSE_FILES, K8S_DIR)
	@$(K8S_GEN) generate $(K8S_GEN_ARGS)

k8s-check: $(K8S_GEN_DEPS) ## Fail with a diff when k8s-generated/ is stale (part of make test)
	@$(K8S_GEN) check $(K8S_GEN_ARGS)

k8s-up: $(K8S_GEN_DEPS) ## make dev K8S=1: cluster, build + load images, apply what changed, wait, URLs
	@scripts/k8s/up.sh

k8s-down: ## make down K8S=1: stop the port-forwards, delete the stack; keeps the database volume
	@scripts/k8s/tools.sh down

k8s-clean: ## Delete the kind cluster and everything in it (all data)
	@scripts/k8s/tools.sh clean

k8s-logs: ## make logs K8S=1: follow the pods' logs (SVC=<name> for one service)
	@scripts/k8s/tools.sh logs $(SVC)

k8s-status: $(K8S_GEN_DEPS) ## make status K8S=1: each workload: state, ready/desired, restarts, time to ready, URL
	@scripts/k8s/tools.sh status

k8s-port-forward: ## make port-forward K8S=1: API, admin, PostgreSQL, Redis on 127.0.0.1 at Compose's ports
	@scripts/k8s/tools.sh port-forward

k8s-psql: ## make psql K8S=1: psql in the db pod
	@scripts/k8s/tools.sh exec db psql sh -c 'exec psql -U "$$POSTGRES_USER" "$$POSTGRES_DB"'

k8s-redis-cli: ## make redis-cli K8S=1: redis-cli in the redis pod
	@scripts/k8s/tools.sh exec redis redis-cli redis-cli

k8s-shell: ## make shell SVC=api K8S=1: a shell in a pod of SVC
	@$(if $(SVC),,$(error usage: make shell SVC=<service> K8S=1))
	@scripts/k8s/tools.sh exec $(SVC) shell sh -c 'command -v bash >/dev/null && exec bash || exec sh'

k8s-restart: $(K8S_GEN_DEPS) ## make restart K8S=1 [SVC=name]: rolling restart, wait until ready
	@scripts/k8s/tools.sh restart $(SVC)

k8s-reset-db: $(K8S_GEN_DEPS) ## make reset-db K8S=1: drop, migrate, seed and flush the cache on kind
	@scripts/k8s/tools.sh task reset-db $(K8S_RESET_DB_SERVICE) $(K8S_RESET_DB_COMMAND)

k8s-scale-worker: ## make scale-worker N=3 K8S=1: kubectl scale the worker, wait, show the spread
	@scripts/k8s/tools.sh scale-worker $(K8S_WORKER) "$(N)"

k8s-workers: ## make workers K8S=1: the worker pods and how the last hour's rollouts spread
	@scripts/k8s/tools.sh workers $(K8S_WORKER)

k8s-compare: $(K8S_GEN_DEPS) ## Compare k8s-gen's model with `docker compose config` (make e2e)
	@scripts/k8s/tools.sh compare

# Rebuilt only when the generator's sources change; -am also builds the parent POM it inherits from.
$(K8S_JAR): tools/pom.xml pom.xml $(shell find tools/src/main -type f 2>/dev/null)
	@echo "building the tools jar ($(K8S_JAR): k8s-gen and the stack inspection)"
	@$(MVNW) -q -B -pl tools -am package -DskipTests

# Its own target: `mvn verify` (make test) rebuilds the jar too, and the JVM refuses an archive
# older than its jar, with a warning on every run and none of the speed.
$(K8S_CDS): $(K8S_JAR)
	@rm -f $@; $(K8S_JAVA) -XX:ArchiveClassesAtExit=$@ -jar $(K8S_JAR) check --compose-file compose.yaml \
	  --env-file .env.example --out k8s-generated >/dev/null 2>&1 || true
