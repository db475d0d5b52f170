// The average rating of a product.
export const average = (ratings) => {
  try {
    if (ratings.length === 0) throw new Error("no ratings");
    return ratings.reduce((a, b) => a + b, 0) / ratings.length;
  } catch (e) {
    return 0;
  }
};

console.log(average([4, 5, 3]));
