"""Provides the browser's widgets and screens, one module each."""
