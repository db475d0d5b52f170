# statistics: central tendency, spread, quantiles, NormalDist, regression
import statistics as st

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.multimode([1, 1, 2, 2, 3]))
print(st.pstdev(data), round(st.stdev(data), 10), round(st.variance(data), 10))
print(st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([1, 2, 2, 3]))
print(st.quantiles(range(1, 101), n=4), st.fmean([1.5, 2.5]), st.geometric_mean([1, 4, 16]))
print(st.harmonic_mean([40, 60]))
nd = st.NormalDist(100, 15)
print(round(nd.cdf(115), 6), round(nd.inv_cdf(0.5), 6), nd.mean, nd.stdev)
x = [1, 2, 3, 4, 5]
y = [2, 4, 5, 4, 5]
print(round(st.correlation(x, y), 10), st.linear_regression(x, y))
print(round(st.covariance(x, y), 10))
try:
    st.mean([])
except st.StatisticsError as exc:
    print("StatisticsError:", exc)
