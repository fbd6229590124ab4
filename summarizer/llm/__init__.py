"""The LLM layer: one instructor-wrapped OpenAI client over pluggable HTTP transports."""
