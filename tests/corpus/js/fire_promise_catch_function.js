// Load the weather widget's forecast; show an empty forecast when the API is down.
const api = {
  forecast(city) {
    return Promise.reject(new Error(`429 Too Many Requests for ${city}`));
  },
};

function forecast(city) {
  return api.forecast(city).catch(function () {
    return { city: city, days: [] };
  });
}

forecast("Lisbon").then((f) => console.log(`${f.city}: ${f.days.length} days`));
