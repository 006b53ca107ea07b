package dev.zerotorunning.stack.model;

import java.time.Instant;

/** One entry of a container's health log (Docker keeps the last five). */
public record Probe(int exitCode, Instant end, String output) {}
