// Decode a token; a failure is logged for the operator and goes on to the caller.
export function decodeToken(token) {
  try {
    const [, payload] = token.split(".");
    return JSON.parse(atob(payload));
  } catch (error) {
    console.error(`cannot decode token: ${error.message}`);
    throw error;
  }
}

console.log(decodeToken("x." + btoa('{"sub": "ada"}')).sub);
