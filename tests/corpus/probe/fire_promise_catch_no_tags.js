// The tags of a post stored as JSON, read through a promise chain.
function tagsOf(text) {
  return Promise.resolve(text)
    .then((t) => JSON.parse(t).tags)
    .catch(() => []);
}

tagsOf('{"tags": ["news", "rust"]}').then((tags) => console.log(tags.join(", ")));
