"""The handout studio: a small local web app that makes handouts through the render engine."""
