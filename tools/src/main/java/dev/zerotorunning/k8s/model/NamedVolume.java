package dev.zerotorunning.k8s.model;

import java.util.Map;

/**
 * A top-level {@code volumes:} entry; its labels may carry kompose size / storage-class hints.
 *
 * @param external {@code external: true}: the claim already exists and is never generated
 * @param claimName the PersistentVolumeClaim pods mount: the volume's {@code name:} for an external
 *     volume (the name Compose looks up), else the key
 */
public record NamedVolume(
    String name, boolean external, String claimName, Map<String, String> labels) {}
