package dev.zerotorunning.wander.api;

/** What is wrong with one field of a request. */
public record FieldError(String field, String message) {}
