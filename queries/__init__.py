"""Named SPARQL queries (.rq files with a header), the API's vocabulary."""
