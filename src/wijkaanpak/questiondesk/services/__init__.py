"""Rules of the question desk as plain functions: the views only wire them up."""
